// A size as the error messages name it ("8 GiB", "512 MiB"): one rounding for every limit.

/** 8 * 1024 ** 3 → "8 GiB"; 1.5 MiB → "1.5 MiB"; under a MiB in bytes. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${Math.round((n / 1024 ** 3) * 10) / 10} GiB`;
  if (n >= 1024 ** 2) return `${Math.round((n / 1024 ** 2) * 10) / 10} MiB`;
  return `${n} B`;
}
