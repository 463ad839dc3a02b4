import { useLeaveGuard } from '../../app/use-leave-guard';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { mailboxSaveSchema, mailSecurity, type MailboxSave, type MailboxView } from '../../../../shared/mail';
import type { ConnectionTest, MailApi } from './mail-api';

type FormIn = z.input<typeof mailboxSaveSchema>;

const blank: MailboxSave = {
  settings: {
    id: 'support',
    name: '',
    enabled: true,
    imap: { host: '', port: 993, security: 'tls', folder: 'INBOX', user: '' },
    smtp: { host: '', port: 465, security: 'tls', user: '', from: '' },
    defaults: { policyId: '', region: '', productLine: '', product: '', severity: '', impact: 'non_service_affecting', urgency: 'medium' },
  },
  imapPassword: '',
  smtpPassword: '',
};

/** Adds or edits one mailbox. Passwords are write-only: left empty, the stored ones stay. */
export function MailboxForm({ api, existing, policies, onSaved, onCancel }: { api: MailApi; existing?: MailboxView; policies: Array<{ id: string; name: string }>; onSaved: (m: MailboxView) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [serverError, setServerError] = useState('');
  const [test, setTest] = useState<ConnectionTest | 'running' | undefined>();
  const form = useForm<FormIn, unknown, MailboxSave>({ resolver: zodResolver(mailboxSaveSchema), defaultValues: existing ? { settings: existing.settings, imapPassword: '', smtpPassword: '' } : { ...blank, settings: { ...blank.settings, defaults: { ...blank.settings.defaults, policyId: policies[0]?.id ?? '' } } } });
  const errors = form.formState.errors.settings;
  // The form keeps no draft: leaving it with edits asks first.
  useLeaveGuard(form.formState.isDirty && !form.formState.isSubmitSuccessful);
  const submit = form.handleSubmit(async (values) => {
    setServerError('');
    try {
      onSaved(await api.save(values));
    } catch (e) {
      setServerError(e instanceof Error ? e.message : String(e));
    }
  });
  const runTest = form.handleSubmit(async (values) => {
    setTest('running');
    try {
      setTest(await api.test(values));
    } catch (e) {
      setTest(undefined);
      setServerError(e instanceof Error ? e.message : String(e));
    }
  });
  const field = (name: Parameters<typeof form.register>[0], label: string, type = 'text') => (
    <label>
      {label}
      <input aria-label={label} type={type} autoComplete="off" {...form.register(name, type === 'number' ? { valueAsNumber: true } : {})} />
    </label>
  );
  const security = (name: 'settings.imap.security' | 'settings.smtp.security') => (
    <label>
      {t('mail.security')}
      <select aria-label={`${t('mail.security')} ${name.includes('imap') ? 'IMAP' : 'SMTP'}`} {...form.register(name)}>
        {mailSecurity.map((s) => <option key={s} value={s}>{t(`mail.securityKind.${s}`)}</option>)}
      </select>
    </label>
  );
  const invalid = [errors?.id && t('mail.errors.id'), errors?.name && t('mail.errors.name'), (errors?.imap || errors?.smtp) && t('mail.errors.server'), errors?.smtp?.from && t('mail.errors.from'), errors?.defaults && t('mail.errors.defaults')].filter(Boolean);
  return (
    <form className="settings-form mail-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="mail-form-title">
      <h3 id="mail-form-title">{existing ? t('mail.editTitle', { name: existing.settings.name }) : t('mail.addTitle')}</h3>
      <fieldset>
        <legend>{t('mail.mailbox')}</legend>
        {!existing && field('settings.id', t('mail.id'))}
        {field('settings.name', t('mail.name'))}
        <label className="inline"><input type="checkbox" {...form.register('settings.enabled')} />{t('mail.enabled')}</label>
      </fieldset>
      <fieldset>
        <legend>{t('mail.incoming')}</legend>
        {field('settings.imap.host', t('mail.imapHost'))}
        {field('settings.imap.port', t('mail.imapPort'), 'number')}
        {security('settings.imap.security')}
        {field('settings.imap.folder', t('mail.folder'))}
        {field('settings.imap.user', t('mail.imapUser'))}
        <label>{t('mail.imapPassword')}<input aria-label={t('mail.imapPassword')} type="password" autoComplete="new-password" placeholder={existing?.hasImapPassword ? t('mail.passwordKept') : ''} {...form.register('imapPassword')} /></label>
      </fieldset>
      <fieldset>
        <legend>{t('mail.outgoing')}</legend>
        {field('settings.smtp.host', t('mail.smtpHost'))}
        {field('settings.smtp.port', t('mail.smtpPort'), 'number')}
        {security('settings.smtp.security')}
        {field('settings.smtp.user', t('mail.smtpUser'))}
        <label>{t('mail.smtpPassword')}<input aria-label={t('mail.smtpPassword')} type="password" autoComplete="new-password" placeholder={existing?.hasSmtpPassword ? t('mail.passwordKept') : ''} {...form.register('smtpPassword')} /></label>
        {field('settings.smtp.from', t('mail.from'), 'email')}
      </fieldset>
      <fieldset>
        <legend>{t('mail.defaults')}</legend>
        <p className="muted">{t('mail.defaultsExplain')}</p>
        <label>{t('mail.policy')}
          <select aria-label={t('mail.policy')} {...form.register('settings.defaults.policyId')}>
            {policies.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        {field('settings.defaults.severity', t('mail.severity'))}
        {field('settings.defaults.region', t('mail.region'))}
        {field('settings.defaults.productLine', t('mail.productLine'))}
        {field('settings.defaults.product', t('mail.product'))}
      </fieldset>
      {invalid.map((m) => <p key={String(m)} className="error" role="alert">{m}</p>)}
      <div className="row">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>{t('mail.save')}</button>
        <button type="button" onClick={() => void runTest()} disabled={test === 'running'}>{test === 'running' ? t('mail.testing') : t('mail.test')}</button>
        <button type="button" onClick={onCancel}>{t('mail.cancel')}</button>
      </div>
      {test && test !== 'running' && (
        <ul className="mail-test" role="status">
          <li>{test.imap.ok ? t('mail.imapOk', { n: test.imap.messages }) : t('mail.imapFailed', { reason: test.imap.message })}</li>
          <li>{test.smtp.ok ? t('mail.smtpOk') : t('mail.smtpFailed', { reason: test.smtp.message })}</li>
        </ul>
      )}
      {serverError && <p className="error" role="alert">{serverError}</p>}
    </form>
  );
}
