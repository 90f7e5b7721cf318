/** States and union territories with the two-letter codes used at the start of a UDID, and some districts of each. */
export interface StateInfo { code: string; name: string; districts: string[]; pinPrefix: string }

export const STATES: StateInfo[] = [
  { code: 'AP', name: 'Andhra Pradesh', pinPrefix: '52', districts: ['Anantapur', 'Chittoor', 'Guntur', 'Krishna', 'Kurnool', 'Nellore', 'Visakhapatnam'] },
  { code: 'AS', name: 'Assam', pinPrefix: '78', districts: ['Barpeta', 'Cachar', 'Dibrugarh', 'Kamrup', 'Nagaon', 'Sonitpur'] },
  { code: 'BR', name: 'Bihar', pinPrefix: '80', districts: ['Bhagalpur', 'Darbhanga', 'Gaya', 'Muzaffarpur', 'Patna', 'Purnia', 'Saran'] },
  { code: 'CG', name: 'Chhattisgarh', pinPrefix: '49', districts: ['Bilaspur', 'Durg', 'Korba', 'Raigarh', 'Raipur'] },
  { code: 'DL', name: 'Delhi', pinPrefix: '11', districts: ['Central Delhi', 'East Delhi', 'New Delhi', 'North Delhi', 'South Delhi', 'West Delhi'] },
  { code: 'GA', name: 'Goa', pinPrefix: '40', districts: ['North Goa', 'South Goa'] },
  { code: 'GJ', name: 'Gujarat', pinPrefix: '38', districts: ['Ahmedabad', 'Bhavnagar', 'Jamnagar', 'Kutch', 'Rajkot', 'Surat', 'Vadodara'] },
  { code: 'HR', name: 'Haryana', pinPrefix: '12', districts: ['Ambala', 'Faridabad', 'Gurugram', 'Hisar', 'Karnal', 'Rohtak'] },
  { code: 'HP', name: 'Himachal Pradesh', pinPrefix: '17', districts: ['Kangra', 'Kullu', 'Mandi', 'Shimla', 'Solan'] },
  { code: 'JH', name: 'Jharkhand', pinPrefix: '83', districts: ['Bokaro', 'Dhanbad', 'East Singhbhum', 'Hazaribagh', 'Ranchi'] },
  { code: 'KA', name: 'Karnataka', pinPrefix: '56', districts: ['Bengaluru Urban', 'Belagavi', 'Dharwad', 'Kalaburagi', 'Mangaluru', 'Mysuru', 'Tumakuru'] },
  { code: 'KL', name: 'Kerala', pinPrefix: '68', districts: ['Alappuzha', 'Ernakulam', 'Kannur', 'Kollam', 'Kozhikode', 'Thiruvananthapuram', 'Thrissur'] },
  { code: 'MP', name: 'Madhya Pradesh', pinPrefix: '45', districts: ['Bhopal', 'Gwalior', 'Indore', 'Jabalpur', 'Rewa', 'Sagar', 'Ujjain'] },
  { code: 'MH', name: 'Maharashtra', pinPrefix: '41', districts: ['Aurangabad', 'Kolhapur', 'Mumbai', 'Nagpur', 'Nashik', 'Pune', 'Solapur', 'Thane'] },
  { code: 'OD', name: 'Odisha', pinPrefix: '75', districts: ['Balasore', 'Cuttack', 'Ganjam', 'Khordha', 'Mayurbhanj', 'Sambalpur'] },
  { code: 'PB', name: 'Punjab', pinPrefix: '14', districts: ['Amritsar', 'Bathinda', 'Jalandhar', 'Ludhiana', 'Patiala'] },
  { code: 'RJ', name: 'Rajasthan', pinPrefix: '30', districts: ['Ajmer', 'Bikaner', 'Jaipur', 'Jodhpur', 'Kota', 'Udaipur'] },
  { code: 'TN', name: 'Tamil Nadu', pinPrefix: '60', districts: ['Chennai', 'Coimbatore', 'Madurai', 'Salem', 'Tiruchirappalli', 'Tirunelveli', 'Vellore'] },
  { code: 'TS', name: 'Telangana', pinPrefix: '50', districts: ['Hyderabad', 'Karimnagar', 'Khammam', 'Nizamabad', 'Warangal'] },
  { code: 'UP', name: 'Uttar Pradesh', pinPrefix: '22', districts: ['Agra', 'Allahabad', 'Gorakhpur', 'Kanpur Nagar', 'Lucknow', 'Meerut', 'Varanasi'] },
  { code: 'UK', name: 'Uttarakhand', pinPrefix: '24', districts: ['Almora', 'Dehradun', 'Haridwar', 'Nainital'] },
  { code: 'WB', name: 'West Bengal', pinPrefix: '70', districts: ['Bardhaman', 'Darjeeling', 'Howrah', 'Kolkata', 'Murshidabad', 'Nadia'] },
];

export const STATE_CODES = STATES.map((s) => s.code);
export const STATE_BY_CODE = new Map(STATES.map((s) => [s.code, s]));
