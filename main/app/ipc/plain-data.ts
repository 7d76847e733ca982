/**
 * Whether a value crosses a process boundary unchanged: null, booleans, strings, finite
 * numbers, arrays and plain objects of those, without cycles. Anything else (a class
 * instance, a function, a Map, a BigInt, NaN) would be mangled by structured clone or JSON,
 * or fail in Electron's serializer, so it is treated as a bug in the handler.
 * Returns null when the value is plain, else where and why not.
 */
export function plainDataProblem(value: unknown, maxDepth = 64): string | null {
  return check(value, '$', new Set(), maxDepth);
}

function check(value: unknown, at: string, path: Set<object>, depth: number): string | null {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : `${at} is not a finite number`;
    case 'object':
      break;
    default:
      return `${at} is a ${typeof value}`;
  }
  if (depth <= 0) return `${at} is nested too deeply`;
  if (path.has(value)) return `${at} is a cycle`;
  const proto: unknown = Object.getPrototypeOf(value);
  const isArray = Array.isArray(value);
  if (!isArray && proto !== Object.prototype && proto !== null)
    return `${at} is not a plain object`;
  path.add(value);
  try {
    const entries: [string, unknown][] = isArray
      ? value.map((item: unknown, index): [string, unknown] => [`[${index}]`, item])
      : Object.entries(value).map(([key, item]): [string, unknown] => [`.${key}`, item]);
    for (const [key, item] of entries) {
      const problem = check(item, `${at}${key}`, path, depth - 1);
      if (problem !== null) return problem;
    }
    return null;
  } finally {
    path.delete(value);
  }
}
