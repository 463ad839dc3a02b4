import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseFormReturn } from 'react-hook-form';
import { catalogueLines, customerSites, lineProducts, siteAssets, type IntakeForm } from '../../../../shared/ticket';
import type { Product } from '../../../../shared/contract';
import type { Customer } from '../../../../shared/directory';
import type { Config } from '../../config/config-store';
import { Field } from './Field';

type Props = { form: UseFormReturn<IntakeForm>; config: Config; err: (name: keyof IntakeForm) => string | undefined };

/** Customer -> site -> installed product: each pick narrows the next and pre-fills the form. */
export function CustomerSitePickers({ form, config, customers, err, customerId, siteId }: Props & { customers: Customer[]; customerId: string; siteId: string }) {
  const { t } = useTranslation();
  const { register, formState } = form;
  const sites = customerSites(config, customerId);
  const assets = siteAssets(config, customerId, siteId);
  return (
    <>
      <Field name="customerId" required error={err('customerId')}>
        <select {...register('customerId')} aria-invalid={!!formState.errors.customerId}>
          <option value="">{t('intake.chooseCustomer')}</option>
          {customers.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </select>
      </Field>
      <Field name="siteId" required={false}>
        <select {...register('siteId')} disabled={sites.length === 0}>
          <option value="">{sites.length === 0 ? t('intake.noSites') : t('intake.chooseSite')}</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>{s.name} — {s.timeZone}</option>
          ))}
        </select>
      </Field>
      <Field name="assetId" required={false}>
        <select {...register('assetId')} disabled={assets.length === 0}>
          <option value="">{t('intake.noAsset')}</option>
          {assets.map((a) => {
            const product = config.products.get(a.productId);
            return <option key={a.id} value={a.id}>{[product?.name ?? a.productId, a.version, a.serial].filter(Boolean).join(' · ')}</option>;
          })}
        </select>
      </Field>
    </>
  );
}

/** Product line and product come from the catalogue only: a ticket never invents a product line. */
export function CatalogueFields({ form, products, hasCatalogue, err, productLine, required }: Omit<Props, 'config'> & { products: Product[]; hasCatalogue: boolean; productLine: string; required: boolean }) {
  const { t } = useTranslation();
  const { register, formState } = form;
  const lines = catalogueLines(products);
  const inLine = lineProducts(products, productLine);
  // The product's options come with its line: show a product set together with its line (an asset
  // picked, a draft restored) once they exist.
  useEffect(() => {
    const product = form.getValues('product');
    if (product) form.setValue('product', product);
  }, [productLine, form]);
  if (!hasCatalogue) {
    // No catalogue on this device yet (an organisation that has not set one up): names are typed.
    return (
      <>
        <p className="muted wide" data-testid="no-catalogue">{t('intake.noCatalogue')}</p>
        <Field name="productLine" required error={err('productLine')}>
          <input {...register('productLine')} aria-invalid={!!formState.errors.productLine} />
        </Field>
        <Field name="product" required={required} error={err('product')}>
          <input {...register('product')} aria-invalid={!!formState.errors.product} />
        </Field>
      </>
    );
  }
  return (
    <>
      <Field name="productLine" required error={err('productLine')}>
        <select {...register('productLine', { onChange: () => form.setValue('product', '') })} aria-invalid={!!formState.errors.productLine}>
          <option value="">{t('intake.chooseProductLine')}</option>
          {lines.map((l) => (
            <option key={l.id} value={l.id}>{l.name}</option>
          ))}
        </select>
      </Field>
      <Field name="product" required={required} error={err('product')}>
        <select {...register('product')} aria-invalid={!!formState.errors.product} disabled={inLine.length === 0}>
          <option value="">{t('intake.chooseProduct')}</option>
          {inLine.map((p) => (
            <option key={p.id} value={p.name}>{p.name}</option>
          ))}
        </select>
      </Field>
    </>
  );
}
