locals {
  a = 1
}
 		