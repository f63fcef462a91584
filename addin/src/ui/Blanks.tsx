import { splitBlanks } from '../logic/view';
import { useStyles } from './styles';

/** Template text with its blanks highlighted; all of it rendered as text. */
export function Blanks({ text }: { text: string }) {
  const s = useStyles();
  return (
    <>
      {splitBlanks(text).map((seg, i) =>
        seg.blank ? (
          <mark key={i} className={s.blank}>
            {seg.text}
          </mark>
        ) : (
          <span key={i}>{seg.text}</span>
        ),
      )}
    </>
  );
}
