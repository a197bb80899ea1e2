locals {   
  a = 1   
  b = "x"  # comment with trailing spaces   
   
	 
  // slash comment   
  c = [   
    1,   
    2   
  ]   
      
  /* block */   
  d = { 
    e = 1  
  }  
}   
    
