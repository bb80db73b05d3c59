import { Badge, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CloudRegular, DesktopRegular } from '@fluentui/react-icons';
import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { ConnectionSummary } from '../../../../shared/ipc/contract';
import { endpointHost } from '../../format/labels';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    outline: 'none',
  },
  item: {
    position: 'relative',
    display: 'grid',
    gridTemplateColumns: '20px 1fr',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    color: tokens.colorNeutralForeground2,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    color: tokens.colorNeutralForeground1,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundSelected },
    '::before': {
      content: '""',
      position: 'absolute',
      left: 0,
      top: tokens.spacingVerticalS,
      bottom: tokens.spacingVerticalS,
      width: '3px',
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
  icon: { fontSize: '20px', marginTop: '1px', color: tokens.colorNeutralForeground3 },
  iconSelected: { color: tokens.colorCompoundBrandForeground1 },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, gap: '2px' },
  nameRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  name: {
    fontWeight: tokens.fontWeightSemibold,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  host: {
    color: tokens.colorNeutralForeground3,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

interface ConnectionListProps {
  connections: ConnectionSummary[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

function keyNote(connection: ConnectionSummary): string | undefined {
  if (connection.builtIn) return undefined;
  if (connection.keyStorage === 'none') return 'No key saved: edit to add one';
  if (connection.keyStorage === 'session') return 'Key kept for this session only';
  return undefined;
}

/** A single-select listbox: one tab stop, arrows move the selection, as in a sidebar. */
export function ConnectionList({ connections, selectedId, onSelect }: ConnectionListProps) {
  const styles = useStyles();
  const items = useRef(new Map<string, HTMLLIElement>());
  const selectedIndex = connections.findIndex((c) => c.id === selectedId);

  const move = (event: KeyboardEvent, index: number) => {
    const last = connections.length - 1;
    const target =
      event.key === 'ArrowDown'
        ? Math.min(index + 1, last)
        : event.key === 'ArrowUp'
          ? Math.max(index - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (target === undefined) return;
    event.preventDefault();
    const next = connections[target];
    if (!next || next.id === selectedId) return;
    onSelect(next.id);
    items.current.get(next.id)?.focus();
  };

  return (
    <ul role="listbox" aria-label="Connections" className={styles.list}>
      {connections.map((connection, index) => {
        const selected = connection.id === selectedId;
        const note = keyNote(connection);
        const Icon = connection.builtIn ? DesktopRegular : CloudRegular;
        return (
          <li
            key={connection.id}
            ref={(element) => {
              if (element) items.current.set(connection.id, element);
              else items.current.delete(connection.id);
            }}
            role="option"
            aria-selected={selected}
            tabIndex={selected || (selectedIndex < 0 && index === 0) ? 0 : -1}
            className={mergeClasses(styles.item, selected && styles.selected)}
            onClick={() => {
              if (!selected) onSelect(connection.id);
            }}
            onKeyDown={(event) => move(event, index)}
          >
            <Icon className={mergeClasses(styles.icon, selected && styles.iconSelected)} />
            <span className={styles.text}>
              <span className={styles.nameRow}>
                <span className={styles.name} title={connection.name}>
                  {connection.name}
                </span>
                {connection.builtIn ? (
                  <Badge appearance="tint" color="informative" size="small">
                    Built-in
                  </Badge>
                ) : null}
              </span>
              <span className={styles.text}>
                <Caption1 className={styles.host} title={connection.endpoint}>
                  {endpointHost(connection.endpoint)}
                </Caption1>
                {note ? <Caption1 className={styles.warning}>{note}</Caption1> : null}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
