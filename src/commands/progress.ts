// A progress bar on stderr, only when stderr is a terminal (never in pipes, CI logs or tests).

export function progressBar(stream: NodeJS.WriteStream, label: string): ((done: number, total: number) => void) | undefined {
  if (!stream.isTTY) return undefined;
  const width = 30;
  let shown = -1;
  return (done, total) => {
    if (total < 2000) return; // small files finish before a bar helps
    const filled = Math.round((done / total) * width);
    if (filled === shown) return;
    shown = filled;
    stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}${done >= total ? "\n" : ""}`);
  };
}
