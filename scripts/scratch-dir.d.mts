/** Makes a new folder under the system's temporary folder, with `node_modules` linked to the project's; returns its path. */
export function scratchDir(prefix: string): string;
