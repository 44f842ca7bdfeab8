import { ActionIcon, AppShell, Burger, Group, Kbd, Loader, NavLink, Text, Tooltip, UnstyledButton, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import { IconBriefcase, IconCalculator, IconHistory, IconLayoutDashboard, IconMoon, IconSearch, IconSettings, IconSignature, IconSun } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import classes from './AppLayout.module.css';
import { ProductSpotlight } from './ProductSpotlight';

const NAV = [
  { to: '/dashboard', label: 'Dashboard', icon: IconLayoutDashboard, match: (p: string) => p.startsWith('/dashboard') },
  { to: '/', label: 'Portfolio', icon: IconBriefcase, match: (p: string) => p === '/' || p.startsWith('/products') },
  { to: '/clocks', label: 'Clock calculator', icon: IconCalculator, match: (p: string) => p.startsWith('/clocks') },
  { to: '/audit', label: 'Audit trail', icon: IconHistory, match: (p: string) => p.startsWith('/audit') },
  { to: '/signatures', label: 'Signatures', icon: IconSignature, match: (p: string) => p.startsWith('/signatures') },
  { to: '/settings', label: 'Settings', icon: IconSettings, match: (p: string) => p.startsWith('/settings') },
];

function ThemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} theme`}>
      <ActionIcon variant="default" size="lg" aria-label={`Switch to ${next} theme`} onClick={() => setColorScheme(next)}>
        {computed === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  );
}

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      {/* The hash router owns the URL's fragment, so the skip link moves focus itself. */}
      <a
        href="#main-content"
        className={classes.skip}
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main-content')?.focus();
        }}
      >
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Text fw={700}>Secretome Regulatory Tracker</Text>
          </Group>
          <Group gap="sm">
            {/* Named by its visible text ("Find a product Ctrl+K"): label in name, WCAG 2.5.3. */}
            <UnstyledButton onClick={() => spotlight.open()}>
              <Group gap={6} px="sm" py={4} style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
                <IconSearch size={16} />
                <Text size="sm" c="dimmed">
                  Find a product
                </Text>
                <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}+K</Kbd>
              </Group>
            </UnstyledButton>
            <ThemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        {NAV.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            leftSection={<item.icon size={18} />}
            active={item.match(pathname)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
        <Suspense fallback={<Loader m="xl" aria-label="Loading the page" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <ProductSpotlight />
    </AppShell>
  );
}
