import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ApiFailure } from '../api/client';

/** An error in a sentence with its problems listed, never a stack trace. */
export function ErrorMessage({ error }: { readonly error: unknown }) {
  const { t } = useTranslation();
  const failure = error instanceof ApiFailure ? error.error : null;
  const message = failure?.message ?? (error instanceof Error ? error.message : String(error));
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t(`errors.${failure?.code ?? 'failed'}`)}</MessageBarTitle>
        {message}
        {failure && failure.problems.length > 0 && (
          <ul>
            {failure.problems.map((p) => <li key={p}>{p}</li>)}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Work in progress, with what is being done. */
export function Loading({ label }: { readonly label: string }) {
  return <Spinner size="small" label={label} labelPosition="after" />;
}
