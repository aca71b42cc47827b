// Any URL no other route matches: a 404 rendered inside the site's frame, in the visitor's language
// (a splat route lets the root loader run, which a bare no-match would not).
export async function loader() {
  throw new Response('Not Found', { status: 404 });
}

export default function NotFound() {
  return null;
}
