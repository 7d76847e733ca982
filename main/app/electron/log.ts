/**
 * The main process's log lines (stderr, which the OS collects for GUI apps). Error messages of
 * RoomCall's own errors never hold a secret; anything else is logged by name and message only,
 * never with request data.
 */
export function logProblem(what: string, detail: unknown): void {
  const text =
    detail instanceof Error ? `${detail.name}: ${detail.message}` : String(detail).slice(0, 500);
  console.error(`[roomcall] ${what}: ${text}`);
}
