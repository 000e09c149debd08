import { describeFuzzGroup } from './hostileRequests';

describeFuzzGroup('leads');
