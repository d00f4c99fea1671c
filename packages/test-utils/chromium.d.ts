/** Where Chromium is: `CHROMIUM_PATH`, else Debian's package. */
export declare const CHROMIUM_PATH: string;
/** Headless on a shared CI machine: no sandbox (containers), no GPU, no background traffic or updates. */
export declare const CHROMIUM_ARGS: readonly string[];
