import { describeFuzzGroup } from './hostileRequests';

describeFuzzGroup('writes');
