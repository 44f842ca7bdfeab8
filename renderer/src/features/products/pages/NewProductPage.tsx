import { Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { EMPTY_PROFILE } from '../../../../../electron/contract';
import { notifySuccess, notifyUnlessFieldErrors } from '../../../lib/notify';
import { ProductForm } from '../components/ProductForm';
import { useCreateProduct } from '../hooks/useProducts';

export function NewProductPage() {
  const navigate = useNavigate();
  const create = useCreateProduct();
  return (
    <Stack maw={960}>
      <div>
        <Title order={2}>New product</Title>
        <Text c="dimmed" size="sm">
          The profile decides which checklist items apply later, so fill in the fraction, donor type and culture conditions with care.
        </Text>
      </div>
      <Paper withBorder p="lg" radius="md">
        <ProductForm
          initial={EMPTY_PROFILE}
          submitLabel="Create product"
          onCancel={() => navigate('/')}
          onSubmit={async (values) => {
            try {
              const product = await create.mutateAsync(values);
              notifySuccess(`Created ${product.code}`);
              navigate(`/products/${product.id}`);
            } catch (error) {
              notifyUnlessFieldErrors('The product was not created', error);
              throw error;
            }
          }}
        />
      </Paper>
    </Stack>
  );
}
