locals {
  doubled = [for n in[1,2,3]: n * 2]
}
