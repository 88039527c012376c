// What the page shows, in its URL: `#layer=122&hex=7873dfe6…&request=…&type=…&lenient=1`. Opening such a
// link decodes the same bytes the same way, so a decode can be shared (or kept) as a link.

export interface InspectorInput {
  layer: string;
  /** The bytes as hex. */
  hex: string;
  request: string;
  type: string;
  lenient: boolean;
}

export function inputToHash(input: InspectorInput): string {
  const params = new URLSearchParams();
  params.set('layer', input.layer);
  params.set('hex', input.hex);
  if (input.request !== '') params.set('request', input.request);
  if (input.type !== '') params.set('type', input.type);
  if (input.lenient) params.set('lenient', '1');
  return `#${params.toString()}`;
}

/** The input a hash holds; undefined when it holds no bytes. */
export function inputFromHash(hash: string): InspectorInput | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const hex = params.get('hex');
  if (hex === null) return undefined;
  return {
    layer: params.get('layer') ?? 'latest',
    hex,
    request: params.get('request') ?? '',
    type: params.get('type') ?? '',
    lenient: params.get('lenient') === '1',
  };
}
