/** The cmake options of every build of the engine's sources (scripts/engine-options.mjs). */
export function engineCmakeOptions(env?: NodeJS.ProcessEnv, host?: { platform: string; arch: string }): string[];
