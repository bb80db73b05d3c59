import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { Resolver } from 'react-hook-form';
import { datasetFormSchema } from './dataset-form';
import type { DatasetFormRules, DatasetFormValues } from './dataset-form';

interface DatasetFormOptions extends DatasetFormRules {
  defaultValues: DatasetFormValues;
  /**
   * Whether these values are edits worth saving. Without it, whether the form differs from
   * its defaults; an existing dataset compares with its base instead, which moves.
   */
  hasEdits?: (values: DatasetFormValues) => boolean;
}

/** The rules' verdict on the whole form, and which rules gave it. */
interface Verdict {
  by: Resolver<DatasetFormValues>;
  met: boolean;
}

/**
 * The dataset editor's form, for a new dataset and a saved one alike. Its rules are checked in
 * one place, the zod resolver, which react-hook-form runs on every change, on `trigger` and on
 * submit: `valid` is its last verdict, the messages by the boxes are its findings, and
 * `submit` hands over the values it approved, so nothing parses the form a second time.
 *
 * `valid` is the rules' verdict alone: a message the service sent back for a field (a 400's
 * details, a taken name) is shown like theirs, but does not stop the user from trying again.
 */
export function useDatasetForm({
  mode,
  hasSavedSasToken,
  defaultValues,
  hasEdits,
}: DatasetFormOptions) {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const resolver = useMemo(() => {
    const check = zodResolver(datasetFormSchema({ mode, hasSavedSasToken }));
    const judge: Resolver<DatasetFormValues> = async (values, context, options) => {
      const result = await check(values, context, options);
      setVerdict({ by: judge, met: Object.keys(result.errors).length === 0 });
      return result;
    };
    return judge;
  }, [mode, hasSavedSasToken]);
  const form = useForm<DatasetFormValues>({ resolver, mode: 'onChange', defaultValues });
  const { trigger, handleSubmit } = form;
  const values = useWatch({ control: form.control }) as DatasetFormValues;
  const dirty = hasEdits ? hasEdits(values) : form.formState.isDirty;
  // Unknown until these rules judged the form: at opening, and when the rules change (a
  // token was saved, or the one kept with the draft is gone).
  const rulesMet = verdict?.by === resolver ? verdict.met : null;

  // Edits the rules have not passed are judged as a whole, and once something is wrong
  // everything that is gets said: a disabled Save must show its reason. An untouched form
  // waits for its first edit, so no message appears on a box nobody touched.
  useEffect(() => {
    if (dirty && rulesMet !== true) void trigger();
  }, [dirty, rulesMet, trigger]);

  return {
    form,
    /** The form as it is, as rendered. */
    values,
    dirty,
    valid: rulesMet !== false,
    /** The form as it is this instant, copied: react-hook-form hands out its live object. */
    snapshot: () => structuredClone(form.getValues()),
    /**
     * Checks the form by its rules; `send` gets the values they approved. When some field is
     * wrong, every problem is shown and the first wrong box takes the focus instead.
     */
    submit: (send: (approved: DatasetFormValues) => Promise<void>) => handleSubmit(send)(),
  };
}
