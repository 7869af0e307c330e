declare const __HR_BOT_BUILD_ID__: string | undefined;

/** The build's id, a hash of the code that `npm run build` bundled; undefined when the sources run under tsx. */
export const BUILD_ID = typeof __HR_BOT_BUILD_ID__ === 'string' ? __HR_BOT_BUILD_ID__ : undefined;
