/**
 * The simulator's two answer styles, for `describe.each(SIM_MODES)`: the key integration paths
 * run once with every field sent and once as a Go service with `json:",omitempty"` answers
 * (zero, false, "" and [] left out; the SDKs mark those fields optional), so one test body
 * proves the client reads both.
 */
export const SIM_MODES = [
  { mode: 'full answers', sparse: false },
  { mode: 'sparse answers', sparse: true },
] as const;
