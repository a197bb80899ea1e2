resource "aws_lambda_layer_version" "app" {
        layer_name          = "app-deps"
        filename            = "${path.module}/build/layer.zip"
        compatible_runtimes = ["python3.11"]
}

resource "aws_lambda_function" "app" {
        function_name = "app"
        role          = aws_iam_role.lambda.arn
        handler       = "index.handler"
        runtime       = "python3.11"
        filename      = "${path.module}/build/function.zip"
        layers        = [aws_lambda_layer_version.app.arn]
}
