import { describeFuzzGroup } from './hostileRequests';

describeFuzzGroup('model');
