locals {
  /* This comment
   spans lines
              and is ragged */
  a = 1
}
