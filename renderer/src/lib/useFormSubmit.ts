import { useState, type FormEvent } from 'react';
import { fieldErrors } from './notify';

/**
 * A dialog form's submit: clears the errors, marks it busy, runs `action`, and turns a refusal
 * into field errors (by the contract's paths) or, when none applies, one form-level message.
 * `action` may return field errors of its own to stop without calling the back end.
 */
export function useFormSubmit(action: () => Promise<Record<string, string> | void>) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setBusy(true);
    try {
      const refused = await action();
      if (refused) setErrors(refused);
    } catch (error) {
      const found = fieldErrors(error);
      setErrors(Object.keys(found).length > 0 ? found : { form: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return { submit, errors, busy };
}
