/** The parts of the metadata consumers that `page-metadata.test.ts` uses; they ship no types. */
declare module 'jsonld' {
  interface RemoteDocument {
    contextUrl: string | undefined;
    documentUrl: string;
    document: object;
  }
  const jsonld: {
    expand(
      input: object,
      options: { documentLoader: (url: string) => Promise<RemoteDocument> },
    ): Promise<unknown>;
  };
  export default jsonld;
}

declare module 'html-metadata' {
  type Tags = Record<string, string>;
  const htmlMetadata: {
    loadFromString(html: string): Promise<{
      general: Tags;
      openGraph: Tags;
      highwirePress: Tags;
      dublinCore: Tags;
    }>;
  };
  export default htmlMetadata;
}
