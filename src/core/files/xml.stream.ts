import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { badInput, DomainError } from '../errors/errors';

/** What a streamed XML part tells its reader: tags with local names (any `x:` prefix dropped) and text. */
export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Parses an XML part chunk by chunk (saxes; no DTD, so no entity expansion) and, after each
 * chunk, yields what the handlers put in `ready`, so that the consumer's pace drives the reading.
 * saxes buffers a text, tag, comment or CDATA section until it ends: one that runs on for more
 * than `maxTokenChars` without an event is refused, so a single giant token cannot fill memory.
 */
export async function* streamXml<T>(source: Readable, handlers: XmlHandlers, ready: T[], what: string, maxTokenChars: number): AsyncGenerator<T> {
  const parser = new SaxesParser({ position: true, xmlns: false });
  let mark = 0;
  const seen = () => { mark = parser.position; };
  parser.on('opentag', (tag: SaxesTagPlain) => { seen(); handlers.open(local(tag.name), tag.attributes); });
  parser.on('closetag', (tag: SaxesTagPlain) => { seen(); handlers.close(local(tag.name)); });
  parser.on('text', (t: string) => { seen(); handlers.text(t); });
  parser.on('cdata', (t: string) => { seen(); handlers.text(t); });
  parser.on('comment', seen);
  parser.on('processinginstruction', seen);
  parser.on('doctype', seen);
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      parser.write(decoder.write(chunk));
      if (parser.position - mark > maxTokenChars) {
        throw badInput(`${what} holds a single value or tag of more than ${maxTokenChars} characters; no cell is that long (Excel's limit is 32,767), so it is damaged.`);
      }
      if (ready.length) yield* ready.splice(0);
    }
    parser.write(decoder.end());
    parser.close();
    if (ready.length) yield* ready.splice(0);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw badInput(`${what} could not be read: it is not well-formed XML (${String((err as Error).message ?? err).slice(0, 120)}).`);
  } finally {
    source.destroy();
  }
}

/** Parses a whole (bounded) part for its side effects on the handlers. */
export async function parseXml(source: Readable, handlers: XmlHandlers, what: string, maxTokenChars: number): Promise<void> {
  for await (const _ of streamXml<never>(source, handlers, [], what, maxTokenChars)) { /* handlers collect */ }
}
