/// <reference types="vite/client" />

/**
 * This build's id, set by Vite (`ORSAN_BUILD_ID` at build time, else the package version and build time): written
 * on the page (`<html data-build>`), so that a person, and a test, can tell which version a page runs.
 */
declare const __ORSAN_BUILD__: string;
