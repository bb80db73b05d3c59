import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { InfoRegular } from '@fluentui/react-icons';
import { Fragment } from 'react';
import type { ShownValue } from '../../conflict/shown-value';

const useStyles = makeStyles({
  value: { margin: 0, padding: 0, listStyleType: 'none', overflowWrap: 'anywhere' },
  line: { ':not(:first-child)': { marginTop: tokens.spacingVerticalXXS } },
  address: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  added: {
    paddingLeft: tokens.spacingHorizontalS,
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalS} - ${tokens.strokeWidthThick})`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteGreenBorder2}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  muted: { color: tokens.colorNeutralForeground3 },
  absent: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  note: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    marginTop: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

/** An address may break after each "/" and ".", where a reader expects it to. */
function breakable(address: string) {
  return address.split(/(?<=[/.])/).map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}

interface FieldValueProps {
  value: ShownValue;
  /** A side that left the field as it was: shown quieter, so the changes stand out. */
  unchanged?: boolean;
  /** The value as loaded: entries of a list that it lacks are marked as added. */
  loaded?: ShownValue;
}

/** One side's value of a field: URIs and property maps an entry per line, a token never. */
export function FieldValue({ value, unchanged = false, loaded }: FieldValueProps) {
  const styles = useStyles();
  if (value.kind === 'absent') return <span className={styles.absent}>{value.text}</span>;
  const className = mergeClasses(styles.value, unchanged && styles.muted);
  const before = loaded?.kind === 'lines' ? new Set(loaded.lines) : new Set<string>();
  const isList = value.lines.length > 1 || (loaded?.kind === 'lines' && loaded.lines.length > 1);
  const text = (line: string) => (value.addresses ? breakable(line) : line);
  return (
    <>
      {isList ? (
        <ul className={className}>
          {value.lines.map((line, index) => {
            const added = !unchanged && loaded !== undefined && !before.has(line);
            return (
              <li
                key={index}
                className={mergeClasses(
                  styles.line,
                  value.addresses && styles.address,
                  added && styles.added,
                )}
              >
                {added ? <span className={styles.hidden}>Added: </span> : null}
                {text(line)}
              </li>
            );
          })}
        </ul>
      ) : (
        <div className={mergeClasses(className, value.addresses && styles.address)}>
          {text(value.lines[0] ?? '')}
        </div>
      )}
      {value.note ? (
        <span className={styles.note}>
          <InfoRegular aria-hidden="true" />
          {value.note}
        </span>
      ) : null}
    </>
  );
}
