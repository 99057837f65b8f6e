/**
 * The build's progress line on a terminal: one line on standard error, rewritten in place,
 * `Building 37/200 slug…`. Anything else printed meanwhile goes through `around`, which takes
 * the line away first and draws it again after, so that printed lines never mix with it. When
 * the stream is not a terminal (a pipe, a file, CI), nothing is drawn: the build's own lines,
 * one per article, are the plain record.
 */

/** The part of a stream the progress line needs. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  /** One more article done. */
  advance(slug: string): void;
  /** Runs `print` (which writes whole lines) with the progress line out of the way. */
  around(print: () => void): void;
  /** Takes the line away for good. */
  end(): void;
}

const clearLine = '\r\u001b[2K';

const silent: Progress = {
  advance: () => undefined,
  around: (print) => print(),
  end: () => undefined,
};

/** A progress line over `total` articles on `stream`, or one that draws nothing. */
export function createProgress(total: number, stream: ProgressStream | false | undefined): Progress {
  if (!stream || stream.isTTY !== true || total < 2) return silent;
  let done = 0;
  let last = '';
  let shown = false;
  const draw = (): void => {
    const width = Math.max(20, (stream.columns || 80) - 1);
    let line = `Building ${done}/${total}${last ? ` ${last}` : ''}…`;
    if (line.length > width) line = `${line.slice(0, width - 1)}…`;
    stream.write(`${clearLine}${line}`);
    shown = true;
  };
  const hide = (): void => {
    if (shown) stream.write(clearLine);
    shown = false;
  };
  let ended = false;
  draw();
  return {
    advance(slug) {
      if (ended) return;
      done += 1;
      last = slug;
      draw();
    },
    around(print) {
      if (ended) {
        print();
        return;
      }
      hide();
      print();
      draw();
    },
    end() {
      hide();
      ended = true;
    },
  };
}
