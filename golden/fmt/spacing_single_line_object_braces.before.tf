locals {
  one = {name="a"}
  two = {  }
  nested = {outer={inner=1}}
}
