// tam's own package: its version, and where its files are. Every path to a file of the package
// (schemas/, templates/, package.json, dist/validators/) is taken from this module's URL, so that the
// bundle (dist/tam-cli.cjs, which sits in the same folder as this module's dist/version.js and
// takes the bundle's URL for import.meta.url: scripts/build-bundle.mjs) finds the same files.
import { readFileSync } from "node:fs";

/** A file of the package by its path from the package's root: packageUrl("schemas/") → file:///…/tam/schemas/. */
export const packageUrl = (path: string): URL => new URL(`../${path}`, import.meta.url);

/** A file beside the compiled modules (dist/; src/ when tests run the sources): modulesUrl("validators/x.cjs"). */
export const modulesUrl = (path: string): URL => new URL(`./${path}`, import.meta.url);

export const VERSION = (JSON.parse(readFileSync(packageUrl("package.json"), "utf8")) as { version: string }).version;
