// cli-table3 ships no types for its utils module, which table-width.ts reads and adjusts.
declare module "cli-table3/src/utils.js" {
  const utils: {
    strlen: (text: string) => number;
    truncate: (text: string, desiredLength: number, truncateChar?: string) => string;
    wordWrap: (maxLength: number, input: string, wrapOnWordBoundary?: boolean) => string[];
  };
  export default utils;
}
