/** A checklist frequency in words a resident understands (每月, 每季度, 公示 7 天…). */
import { useI18n } from 'vue-i18n'
import type { Frequency } from '../feed/types'

export function useFrequencyLabel() {
  const { t } = useI18n()
  return (f: Frequency): string => {
    switch (f.type) {
      case 'publicity':
        return t(f.day_type === 'working' ? 'checklist.freq.publicity_working' : 'checklist.freq.publicity', { days: f.days })
      case 'on_event':
        return f.within_days !== undefined ? t('checklist.freq.on_event_days', { days: f.within_days }) : t('checklist.freq.on_event')
      default:
        return t(`checklist.freq.${f.type}`)
    }
  }
}
