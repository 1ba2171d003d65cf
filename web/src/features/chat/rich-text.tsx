import type { ComponentChildren } from 'preact';

/**
 * Renders model text safely (no innerHTML): paragraphs on blank lines, line breaks, and
 * **bold** spans, which is all the assistant's short answers use.
 */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((para, i) => (
        <p key={i}>{lines(para)}</p>
      ))}
    </>
  );
}

function lines(para: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  para.split('\n').forEach((line, j) => {
    if (j > 0) out.push(<br key={`br${j}`} />);
    line
      .split(/\*\*([^*]+)\*\*/g)
      .forEach((part, i) => out.push(i % 2 === 1 ? <strong key={`${j}-${i}`}>{part}</strong> : part));
  });
  return out;
}
