# header   
locals {
  a = 1 # note  
  // other	
  b = 2
}
