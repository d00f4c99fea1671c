/** The remotes the tests expect to find built and mounted. */
export const REMOTES = [] as const satisfies readonly ('react' | 'vue' | 'svelte' | 'angular')[];
export type Remote = (typeof REMOTES)[number];
