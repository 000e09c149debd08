import { describeFuzzGroup } from './hostileRequests';

describeFuzzGroup('admin');
