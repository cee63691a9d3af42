export const FIREFOX: string;
export const FIREFOX_INSTALL_COMMAND: string;
export function ensureFirefox(): string;
export function ensureBrowsers(): { chromium: string; firefox: string };
