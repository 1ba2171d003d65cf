/**
 * Renders model text safely (no innerHTML): paragraphs on blank lines, line breaks, and
 * **bold** spans, which is all the assistant's one-sentence answers use.
 */
export function RichText({ text }: { text: string }) {
  const paragraphs = text.split(/\n{2,}/);
  return (
    <>
      {paragraphs.map((para, i) => (
        <p key={i}>
          {para.split('\n').map((line, j) => (
            <>
              {j > 0 && <br />}
              {bold(line)}
            </>
          ))}
        </p>
      ))}
    </>
  );
}

function bold(line: string) {
  return line.split(/\*\*([^*]+)\*\*/g).map((part, i) => (i % 2 === 1 ? <strong key={i}>{part}</strong> : part));
}
