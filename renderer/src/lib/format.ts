import dayjs from 'dayjs';

export const formatInstant = (iso: string) => dayjs(iso).format('D MMM YYYY, HH:mm');
export const formatDate = (iso: string) => dayjs(iso).format('D MMM YYYY');
