import { makeStyles, tokens } from '@fluentui/react-components';

export const useEditorStyles = makeStyles({
  // What follows the spacer keeps to the right, also when a narrow bar wraps it to a new line.
  spacer: { flexGrow: 1, '& + *': { marginLeft: 'auto' } },
  danger: {
    color: tokens.colorPaletteRedForeground1,
    ':hover': { color: tokens.colorPaletteRedForeground2 },
    ':hover:active': { color: tokens.colorPaletteRedForeground2 },
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  centre: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalM,
    flexGrow: 1,
    padding: tokens.spacingHorizontalXXL,
    textAlign: 'center',
    color: tokens.colorNeutralForeground3,
  },
  message: { padding: tokens.spacingHorizontalXL },
});
