import { notifications } from '@mantine/notifications';
import { createElement } from 'react';
import { ApiError } from './api';
import { showFile } from './files';

export function notifyError(title: string, error: unknown) {
  notifications.show({ color: 'red', title, message: error instanceof Error ? error.message : String(error), autoClose: 8000 });
}

export function notifySuccess(message: string) {
  notifications.show({ color: 'teal', message, autoClose: 3000 });
}

/** Field issues from the back end, keyed as @mantine/form expects. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.issues.filter((i) => i.path).map((i) => [i.path, i.message]));
}

/** A refusal tied to fields is shown on those fields; only other failures get a notification. */
export function notifyUnlessFieldErrors(title: string, error: unknown) {
  if (Object.keys(fieldErrors(error)).length === 0) notifyError(title, error);
}

/** A saved file: in the desktop app the notification offers to show it in its folder. */
export function notifySaved(title: string, where: string) {
  const id = `saved-${where}`;
  notifications.show({
    id,
    color: 'teal',
    title,
    autoClose: 10_000,
    message: window.rpt
      ? createElement('span', null, `${where} `, createElement('a', { href: '#', onClick: (e: MouseEvent) => { e.preventDefault(); void showFile(where); } }, 'Show in folder'))
      : `Downloaded as ${where}`,
  });
}
