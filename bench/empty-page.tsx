// The bench's yardstick (bench/run.ts): a page with no loader of its own, under the real root layout and
// root loader. Only the bench's build has it (app/routes.ts); it is never shipped.
export default function EmptyPage() {
  return <h1>WishBridge</h1>;
}
