import { makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { useRef } from 'react';
import type { KeyboardEvent } from 'react';

/*
 * A radio group whose options take their names from their text, not from <label> elements.
 * Why not Fluent's Radio: an option named like another field (the `SAS token` option next to
 * the `SAS token` box) would then be a second "label" for that name, and a lookup by label
 * would find two controls. Looks and keys follow Fluent's radio (arrows move and choose).
 */

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
  },
  option: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: 'none',
    background: 'none',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
    ':hover .dm-choice-unchecked': {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessibleHover}`,
    },
  },
  circle: {
    boxSizing: 'border-box',
    width: '16px',
    height: '16px',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
  },
  circleChecked: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorCompoundBrandStroke}`,
    '::after': {
      content: '""',
      width: '8px',
      height: '8px',
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandBackground,
    },
  },
});

export interface Choice<T extends string> {
  value: T;
  label: string;
}

interface ChoiceGroupProps<T extends string> {
  /** Id of the element that names the group. */
  labelledBy: string;
  choices: readonly Choice<T>[];
  /** Undefined while nothing is chosen yet. */
  value: T | undefined;
  onChange: (value: T) => void;
  onBlur?: () => void;
  describedBy?: string;
  /** Receives the first option, so a form can move focus to the group. */
  firstRef?: (element: HTMLButtonElement | null) => void;
}

export function ChoiceGroup<T extends string>({
  labelledBy,
  choices,
  value,
  onChange,
  onBlur,
  describedBy,
  firstRef,
}: ChoiceGroupProps<T>) {
  const styles = useStyles();
  const idPrefix = useId('choice-');
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const choose = (index: number) => {
    const count = choices.length;
    const next = choices[(index + count) % count];
    if (!next) return;
    onChange(next.value);
    buttons.current[(index + count) % count]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') {
      event.preventDefault();
      choose(index + 1);
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') {
      event.preventDefault();
      choose(index - 1);
    }
  };

  const selected = choices.findIndex((c) => c.value === value);
  return (
    <div
      role="radiogroup"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className={styles.group}
    >
      {choices.map((choice, index) => {
        const checked = index === selected;
        return (
          <button
            key={choice.value}
            id={`${idPrefix}${choice.value}`}
            type="button"
            role="radio"
            aria-checked={checked}
            // One tab stop for the group, on the chosen option: the radio pattern.
            tabIndex={checked || (selected < 0 && index === 0) ? 0 : -1}
            className={styles.option}
            ref={(element) => {
              buttons.current[index] = element;
              if (index === 0) firstRef?.(element);
            }}
            onClick={() => onChange(choice.value)}
            onKeyDown={(event) => onKeyDown(event, index)}
            onBlur={onBlur}
          >
            <span
              aria-hidden="true"
              className={mergeClasses(
                styles.circle,
                checked ? styles.circleChecked : 'dm-choice-unchecked',
              )}
            />
            {choice.label}
          </button>
        );
      })}
    </div>
  );
}
