resource "aws_lambda_layer_version" "deps" {
  layer_name = "deps"
  filename   = "lambda \"x\"/out%%{n}.zip"
}
