import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { RulesSection } from '@/components/manager/RulesSection';
import { mountWith, offerSection } from '@/components/manager/section-scripts';

/** The manager's Other CRMs (rules) section, fetched when the person opens it (see section-scripts.tsx). */
export default defineUnlistedScript(() => offerSection('rules', mountWith(RulesSection)));
