import { describe, expect, it } from 'vitest';
import { createProgress, type ProgressStream } from './progress.ts';

/** A stream that keeps what is written, as a terminal would receive it. */
function terminal(isTTY: boolean): ProgressStream & { text: string } {
  return {
    isTTY,
    columns: 40,
    text: '',
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

const clear = '\r\u001b[2K';

describe('createProgress', () => {
  it('should keep one line up to date on a terminal, make way for printed lines, and take it away at the end', () => {
    // Arrange
    const stream = terminal(true);
    const printed: string[] = [];

    // Act
    const progress = createProgress(200, stream);
    progress.advance('first-article');
    progress.around(() => printed.push(stream.text.length.toString()));
    progress.advance('a-slug-far-too-long-to-fit-in-forty-columns');
    progress.end();

    // Assert
    expect(stream.text).toBe(
      `${clear}Building 0/200…` +
        `${clear}Building 1/200 first-article…` +
        `${clear}${clear}Building 1/200 first-article…` +
        `${clear}Building 2/200 a-slug-far-too-long-to-…` +
        clear,
    );
    // The line was taken away before the print.
    expect(printed).toEqual([
      String(`${clear}Building 0/200…${clear}Building 1/200 first-article…${clear}`.length),
    ]);
  });

  it('should draw nothing on a stream that is not a terminal, nor for a single article', () => {
    // Arrange
    const pipe = terminal(false);
    const single = terminal(true);
    const printed: string[] = [];

    // Act
    for (const progress of [createProgress(200, pipe), createProgress(1, single), createProgress(5, false)]) {
      progress.advance('slug');
      progress.around(() => printed.push('line'));
      progress.end();
    }

    // Assert
    expect(pipe.text).toBe('');
    expect(single.text).toBe('');
    expect(printed).toEqual(['line', 'line', 'line']);
  });
});
