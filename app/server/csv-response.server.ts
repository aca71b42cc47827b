/**
 * A CSV download: UTF-8 (the body carries its BOM, so that Excel opens Chinese correctly), saved under
 * `filename`, never cached by anyone else (the figures are staff's), never indexed.
 */
export function csvResponse(file: { filename: string; body: string }): Response {
  return new Response(file.body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
}
