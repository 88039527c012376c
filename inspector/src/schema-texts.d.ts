// The vendored schemas' text, embedded into the page's bundle by build.ts (one entry per layer the
// select offers, each its api.tl and mtproto.tl).
declare module 'tlforge-inspector:schemas' {
  const schemas: Record<string, Array<{ name: string; text: string }>>;
  export default schemas;
}
